import { Layout, type Viewer } from './layout.js';

/** Not found (also what a record outside one's role looks like), refused, too many tries. */
export function MessagePage(props: { orgName: string; title: string; message: string; viewer?: Viewer; csrf?: string; link?: { href: string; text: string } }) {
  return (
    <Layout title={props.title} orgName={props.orgName} viewer={props.viewer} csrf={props.csrf}>
      <p>{props.message}</p>
      {props.link && <p><a href={props.link.href}>{props.link.text}</a></p>}
    </Layout>
  );
}
