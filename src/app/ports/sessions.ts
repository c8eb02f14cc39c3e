/** A staff web session. The cookie holds a random token; only its hash (`id`) is stored. */
export interface StaffSession {
  id: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** A one-time message for the page a form redirected to (what an action did), shown once and cleared. */
  flash?: SessionFlash;
}

export interface SessionFlash {
  text: string;
  /** The path it is for: another page does not show it. */
  path: string;
}

/** Web sessions in the database, so they can be ended from anywhere (sign-out, staff removal). Read by _id only. */
export interface Sessions {
  create(session: StaffSession): Promise<void>;
  get(id: string): Promise<StaffSession | null>;
  touch(id: string, at: Date): Promise<void>;
  end(id: string): Promise<void>;
  setFlash(id: string, flash: SessionFlash): Promise<void>;
  clearFlash(id: string): Promise<void>;
}
