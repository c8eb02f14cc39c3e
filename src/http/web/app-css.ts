/**
 * The staff app's one stylesheet, served from /assets/app.css (the CSP allows styles from our own
 * origin only). Colours meet WCAG AA on white: text #1b1b1b, links #1d4f91, errors #b00020.
 */
export const appCss = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0}
a{color:#1d4f91}
a:visited{color:#4c2c92}
:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #1b1b1b}
.skip{position:absolute;left:-9999px}
.skip:focus{left:0.5rem;top:0.5rem;background:#fd0;color:#1b1b1b;padding:0.5rem;z-index:1}
.top{display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;align-items:center;padding:0.75rem 1rem;background:#1d4f91;color:#fff}
.top a,.top .link{color:#fff}
.org{font-weight:700}
.top ul{display:flex;flex-wrap:wrap;gap:0.25rem 1rem;list-style:none;margin:0;padding:0}
.top a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.sign-out{margin-left:auto}
main{display:block;max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;margin:0.5rem 0 1rem}
h2{font-size:1.35rem;margin:1.5rem 0 0.5rem}
.field{margin:0 0 1rem;border:0;padding:0}
label,legend{display:block;font-weight:600}
.hint{color:#505a5f;margin:0.1rem 0}
input[type=text],input[type=tel],input[type=search],select,textarea{font:inherit;width:100%;max-width:24rem;padding:0.4rem;border:2px solid #1b1b1b;border-radius:0;background:#fff;color:#1b1b1b}
.choice{display:flex;gap:0.5rem;align-items:flex-start}
.choice label{font-weight:400}
.choice input{width:1.25rem;height:1.25rem;margin-top:0.15rem}
button{font:inherit;font-weight:600;padding:0.5rem 1rem;border:2px solid #0b3d17;background:#00703c;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1b1b1b;border-color:#1b1b1b}
button.link{background:none;border:0;padding:0;text-decoration:underline;font-weight:400}
.field-error{border-left:4px solid #b00020;padding-left:0.75rem}
.error{color:#b00020;font-weight:600;margin:0.1rem 0}
.field-error input{border-color:#b00020}
.error-summary,.error-banner{border:4px solid #b00020;padding:0.75rem 1rem;margin-bottom:1rem}
.error-summary h2{margin-top:0}
.error-summary a{color:#b00020;font-weight:600}
.alerts{list-style:none;padding:0}.alert-card{border:1px solid #505a5f;padding:0.5rem 1rem;margin-bottom:1rem}.alert-card h2{font-size:1.2rem}
.notice{border-left:6px solid #00703c;padding:0.5rem 1rem;background:#f3f2f1}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.table-wrap{max-width:100%;overflow-x:auto;position:relative}
table{border-collapse:collapse;width:100%;margin-bottom:1rem}
caption{text-align:left;font-weight:700;padding:0.25rem 0}
th,td{text-align:left;padding:0.4rem 0.5rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
.filters .field{flex:1 1 10rem;min-width:0}
.filters button{margin-bottom:1rem}
.pager{display:flex;gap:1.5rem;margin:1rem 0}
.alert-count{color:#b00020}
.actions{display:flex;flex-wrap:wrap;gap:0.5rem;margin-bottom:1rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:1rem}
.figures div{border:1px solid #b1b4b6;padding:0.5rem}
.figures dt{font-weight:600}
.figures dd{margin:0;font-size:1.6rem}
.chart{margin:0 0 1rem;max-width:36rem}
.chart svg{max-width:100%;height:auto}
.chart .axis{stroke:#505a5f}
.chart .line{fill:none;stroke:#1d4f91;stroke-width:2}
.chart .dot{fill:#1d4f91}
.chart .tick{font-size:10px;fill:#1b1b1b}
.answers div{display:flex;flex-wrap:wrap;gap:0 1rem;border-bottom:1px solid #b1b4b6;padding:0.25rem 0}
.answers dt{flex:1 1 16rem}
.answers dd{margin:0;font-weight:600}
.chart .bar{fill:#0072b2}
.chart .bar-low{fill:#d55e00}
.chart .bar-track{fill:#f3f2f1;stroke:#505a5f;stroke-width:0.5}
.chart .guide{stroke:#505a5f;stroke-dasharray:2 3}
.chart .series-a .line{stroke:#0072b2}
.chart .series-a .dot{fill:#0072b2}
.chart .series-b .line{stroke:#009e73;stroke-dasharray:6 3}
.chart .series-b .dot{fill:#009e73}
.chart .series-c .line{stroke:#d55e00;stroke-dasharray:2 2}
.chart .series-c .dot{fill:#d55e00}
.legend{display:flex;flex-wrap:wrap;gap:0.25rem 1rem;list-style:none;margin:0.25rem 0;padding:0}
.legend .swatch{display:inline-block;width:1.5rem;height:0.25rem;margin-right:0.4rem;vertical-align:middle;background:#0072b2}
.legend .series-b .swatch{background:#009e73}
.legend .series-c .swatch{background:#d55e00}
.chart .rc-improved{fill:#009e73}
.chart .rc-none{fill:#b1b4b6}
.chart .rc-worse{fill:#d55e00}
.legend .rc-improved .swatch{background:#009e73;height:0.75rem}
.legend .rc-none .swatch{background:#b1b4b6;height:0.75rem}
.legend .rc-worse .swatch{background:#d55e00;height:0.75rem}
.tag{display:inline-block;font-size:0.9rem;font-weight:600;border:2px solid #505a5f;padding:0 0.4rem;margin-left:0.5rem;vertical-align:middle}
.downloads li{margin-bottom:0.5rem}
.report-meta{border-left:6px solid #1d4f91;padding:0.25rem 0.75rem;background:#f3f2f1}
.change{font-size:1rem}
@page{size:A4;margin:15mm}
@media print{.top nav,.sign-out,.skip,.no-print{display:none}.top{background:none;color:#1b1b1b;padding:0}html{font-size:10pt}main{max-width:none;padding:0}.table-wrap{overflow:visible}.chart{max-width:14cm;break-inside:avoid}table{break-inside:auto}tr{break-inside:avoid}a{color:#1b1b1b;text-decoration:none}h2{break-after:avoid}}
details{margin:0.5rem 0}
summary{cursor:pointer;color:#1d4f91;text-decoration:underline}
@media (max-width:40rem){main{padding:0.75rem}.sign-out{margin-left:0}}
`;
