/** English texts of the payments namespace; locales/de/payments.ts has the same keys in German. */
export const payments = {
  title: 'Payments',
  description: 'Every card top-up, newest first. A refund goes back to the card; the wallet gives back what is left of it.',
  statusFilter: 'Filter by status',
  anyStatus: 'Any status',
  shortfallOnly: {
    label: 'Refunds not fully recovered',
    hint: 'Only top-ups refunded after some of the money was already spent.',
  },
  loading: 'Loading payments',
  pages: 'Payments pages',
  empty: { title: 'No card top-ups yet', description: 'Top-ups people make by card show up here.' },
  noMatch: { title: 'No payments match', description: 'Try another status, or all refunds.' },
  table: {
    caption: 'Card top-ups',
    person: 'Person',
    status: 'Status',
    refunded: 'Refunded',
    shortfall: 'Shortfall',
    actions: 'Actions',
    refundRequested: 'Refund requested…',
    refund: 'Refund',
    refundLabel: 'Refund {{amount}} to {{name}}',
  },
  requested: "Refund of {{amount}} to {{name}}'s card requested. It shows here once the provider confirms it.",
  confirm: {
    title: 'Refund {{amount}} to {{name}}?',
    titleFallback: 'Refund?',
    description:
      "The provider returns {{amount}} to the card used for the top-up of {{date}}. What is left of that money is taken back from {{name}}'s wallet; any part already spent shows as a shortfall. This cannot be undone.",
    button: 'Refund {{amount}}',
    buttonFallback: 'Refund',
  },
};
