/** The border, focus ring and error look every text-like control shares (inputs, selects, the number field). */
export const controlClasses =
  'w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs transition-colors placeholder:text-zinc-500 focus-visible:border-emerald-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-emerald-600/30 disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500/30';
