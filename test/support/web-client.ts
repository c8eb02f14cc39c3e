/** A tiny browser: keeps cookies, reads the CSRF token out of each page's forms. */
export function webClient(base: string) {
  const jar = new Map<string, string>();
  let csrf = '';
  const request = async (path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.form ? 'POST' : 'GET'), redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair as string).split('=');
      if (/Expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name as string);
      else jar.set(name as string, value.join('='));
    }
    const text = await response.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1] ?? csrf;
    return { status: response.status, location: response.headers.get('location'), text, headers: response.headers };
  };
  return { request, csrf: () => csrf, jar };
}
