/** The addresses of the financial instruments' pages (issue 16): the landing page and one page per instrument. */
export const INSTRUMENTS_PATH = '/instrumenten';
export const REALISATIESTIMULANS_PATH = '/instrumenten/realisatiestimulans';
export const WONINGBOUWIMPULS_PATH = '/instrumenten/woningbouwimpuls';
export const GEBIEDSBUDGET_PATH = '/instrumenten/gebiedsbudget';
/** The Realisatiestimulans page of one gemeente (CBS code, e.g. GM0363). */
export const realisatiestimulansGemeentePath = (gemeenteCode: string) => `${REALISATIESTIMULANS_PATH}/${encodeURIComponent(gemeenteCode)}`;
