/** Dates as people in English schools write them: "13 January 2025" (one formatter, in libs/calendar, for the API and the web app). */
export { formatDate as formatUkDate } from '@ratify/calendar';
