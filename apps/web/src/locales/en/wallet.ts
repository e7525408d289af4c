/** English texts of the wallet namespace; locales/de/wallet.ts has the same keys in German. */
export const wallet = {
  title: 'Wallet',
  description: 'Money the company, your department and you have put in, and what you spent.',
  topUp: 'Top up',
  balance: {
    loading: 'Loading your balance',
    label: 'Balance',
    total: 'Total balance',
    fromPayers_one: 'From {{count}} payer; the oldest money is spent first.',
    fromPayers_other: 'From {{count}} payers; the oldest money is spent first.',
    noMoney: 'No money yet.',
    byPayer: 'By payer',
    empty: {
      title: 'Your wallet is empty',
      description: 'The company, your department or a promotion will credit it; you can ask your manager.',
    },
  },
  topUps: {
    title: 'Card top-ups',
    description: 'Money you added by card, newest first. It is spent like any other, the oldest first.',
    disabled: 'Card top-ups are not available here. Ask your canteen manager for a credit.',
    loading: 'Loading your top-ups',
    pages: 'Top-up pages',
    empty: { title: 'No card top-ups yet', description: 'Use Top up to add your own money by card.' },
    caption: 'Card top-ups',
    status: 'Status',
  },
  chart: {
    title: 'Balance over the last {{days}} days',
    description: 'At the end of each day.',
    loading: 'Loading the chart',
    caption: 'Your balance went from {{from}} on {{fromDate}} to {{to}} on {{toDate}}.',
    tooltip: 'Balance',
  },
  history: {
    title: 'History',
    description: 'Every credit, order and refund, newest first.',
    loading: 'Loading the history',
    pages: 'History pages',
    empty: { title: 'Nothing here yet', description: 'Credits from the company or your department show up here.' },
    caption: 'Wallet history',
  },
  dialog: {
    title: 'Top up your wallet',
    descriptionSandbox:
      'You pay on a test checkout (no real money moves), then come back here. The money is yours to spend once the payment is confirmed.',
    description:
      'You pay by card on a secure checkout, then come back here. The money is yours to spend once the payment is confirmed.',
    opening: 'Opening the checkout…',
    continue: 'Continue to payment',
    amounts: 'Amounts',
    amount: 'Amount ({{symbol}})',
    placeholder: '20.00',
  },
  return: {
    title: 'Card top-up',
    noPayment: 'This address does not name a top-up. Your card top-ups are listed in your wallet.',
    notFound: {
      title: 'Top-up not found',
      description: "This top-up doesn't exist or isn't yours. Your card top-ups are listed in your wallet.",
    },
    loading: 'Loading your top-up',
    refunded: {
      title: 'This top-up was refunded',
      text: '{{amount}} went back to your card. Your wallet history shows what was taken back.',
    },
    waiting: {
      title: 'Waiting for the payment provider…',
      text: 'This usually takes a few seconds. Nothing is added to your wallet until the payment is confirmed.',
    },
    stillWaiting: {
      title: 'Still waiting for the payment provider',
      text: 'The payment has not been confirmed yet. If you paid, the money arrives in your wallet as soon as the provider confirms it; you will not be charged twice. If you cancelled, nothing is charged.',
      checkAgain: 'Check again',
    },
    succeeded: {
      title: '{{amount}} added to your wallet',
      balance: 'Your balance is now <balance>{{amount}}</balance>.',
    },
    notCharged: {
      cancelled: 'You cancelled the checkout',
      declined: 'The payment was declined',
      expired: 'The checkout expired before it was paid',
      other: 'The payment did not go through',
      text: 'Nothing was charged and nothing was added to your wallet.',
      providerSaid: 'The provider said: {{reason}}',
      tryAgain: 'Try again',
    },
    backToCart: 'Back to your cart',
    goToWallet: 'Go to your wallet',
    browseMenu: 'Browse the menu',
  },
};
