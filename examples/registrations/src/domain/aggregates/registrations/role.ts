/** What the registrant does at the event; one person may hold several roles. */
export type Role = 'speaker' | 'guest' | 'staff';
