/** Id patterns of the records (plain data; no zod, so the fast paths can use them). */
export const LESSON_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/;
export const EVENT_ID = LESSON_ID;
export const ACTION_NOTE_ID = /^\d{4}-\d{3}$/;
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const RECOMMENDATION_ID = /^R[1-9]\d*$/;
export const MAX_DATED_ID_LENGTH = 80;
