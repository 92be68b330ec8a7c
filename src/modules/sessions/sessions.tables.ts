/** Tables owned by the conference sessions module (see migrations/03xx_*.sql). */
export type SessionTables = {};
