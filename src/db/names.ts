/** The database name devtools shows; never change it (it would orphan every learner's library). */
export const DB_NAME = 'nihongo-monogatari';
