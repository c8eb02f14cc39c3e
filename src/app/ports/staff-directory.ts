/** analyst: aggregates and pseudonymised exports only (no records of people, no texts to the bot's case commands). */
export type StaffRole = 'worker' | 'manager' | 'admin' | 'analyst';

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  team: string;
  phoneHash: string;
  phoneEnc: string;
  createdAt: Date;
}

/** Staff who may text the bot; a removed member keeps their history but loses their number. */
export interface StaffDirectory {
  add(member: StaffMember): Promise<'added' | 'duplicate-phone'>;
  findByPhoneHash(phoneHash: string): Promise<StaffMember | null>;
  get(id: string): Promise<StaffMember | null>;
  list(filter?: { role?: StaffRole; team?: string }): Promise<StaffMember[]>;
  remove(id: string, at: Date): Promise<boolean>;
}
