/** Sets the document title (WCAG 2.4.2) as "<page> – Woningbouwmonitor". */
import { useEffect } from 'react';

export const APP_NAME = 'Woningbouwmonitor';

export function usePageTitle(title: string | null) {
  useEffect(() => {
    if (title) document.title = `${title} – ${APP_NAME}`;
  }, [title]);
}
