/** Only same-site paths, never back to the sign-in page itself. */
export const safeRedirect = (target: string | undefined): string =>
  target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
