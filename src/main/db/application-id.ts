// Written into the file header by migration 0001 ("VTHD"), so a database of another program that
// happens to be named vanthu.db is never taken for ours and migrated.
export const APPLICATION_ID = 0x56544844;
