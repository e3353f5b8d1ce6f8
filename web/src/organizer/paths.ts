// Addresses of the organizer's pages (routes.ts reads them back).
export const organizerEventPath = (eventId: string) => `/organizer/events/${encodeURIComponent(eventId)}`;
export const presenterPath = (eventId: string) => `${organizerEventPath(eventId)}/present`;
