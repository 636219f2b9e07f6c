/** Whether the database already holds data (demo data is only ever loaded into an empty one). */
import type { Db } from "../connection";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("offices")
    .select("id")
    .union(db.selectFrom("users").select("office_id as id"))
    .limit(1)
    .executeTakeFirst();
  return row === undefined;
}
