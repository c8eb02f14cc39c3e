import type { ComponentChildren } from 'preact';

export interface Viewer {
  name: string;
  role: 'worker' | 'manager' | 'admin' | 'analyst';
}

/** Every staff page: skip link, the organisation, navigation for the viewer's role, sign-out, and the main region. */
export function Layout(props: { title: string; orgName: string; viewer?: Viewer; csrf?: string; current?: string; children: ComponentChildren }) {
  const { viewer } = props;
  const links: Array<[string, string]> = !viewer
    ? []
    : viewer.role === 'analyst'
      ? [['/', 'Figures'], ['/dashboard', 'Dashboard'], ['/outcomes', 'Outcomes']]
      : [['/', 'Home'], ['/caseload', 'Caseload'], ['/alerts', 'Alerts'], ['/enrol', 'Enrol someone'], ['/dashboard', 'Dashboard'],
        ...(viewer.role === 'worker' ? [] : [['/outcomes', 'Outcomes']] as Array<[string, string]>),
        ...(viewer.role === 'admin' ? [['/admin/staff', 'Staff'], ['/admin/programmes', 'Programmes']] as Array<[string, string]> : [])];
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${props.orgName}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to main content</a>
        <header class="top">
          <span class="org">{props.orgName}</span>
          {viewer && (
            <nav aria-label="Main">
              <ul>
                {links.map(([href, text]) => (
                  <li><a href={href} aria-current={props.current === href ? 'page' : undefined}>{text}</a></li>
                ))}
              </ul>
            </nav>
          )}
          {viewer && props.csrf && (
            <form method="post" action="/sign-out" class="sign-out">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <span>{viewer.name}</span> <button type="submit" class="link">Sign out</button>
            </form>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}
