/** A staff web session. The cookie holds a random token; only its hash (`id`) is stored. */
export interface StaffSession {
  id: string;
  staffId: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** Web sessions in the database, so they can be ended from anywhere (sign-out, staff removal). Read by _id only. */
export interface Sessions {
  create(session: StaffSession): Promise<void>;
  get(id: string): Promise<StaffSession | null>;
  touch(id: string, at: Date): Promise<void>;
  end(id: string): Promise<void>;
}
