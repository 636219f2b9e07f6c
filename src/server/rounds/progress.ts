/**
 * A round's progress per office, for the central admins (issue #19): each office's joined period
 * with its loci, sampled units and assessments by status. Offices that have not joined are listed
 * too (joined: false) so the Kantor Pusat sees who is missing. Owns no table.
 */
import { type QueryExecutorProvider, sql } from "kysely";

export interface OfficeProgress {
  officeId: string;
  officeName: string;
  joined: boolean;
  periodId: string | null;
  periodStatus: "open" | "closed" | null;
  loci: number;
  units: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export async function roundProgress(
  db: QueryExecutorProvider,
  roundId: string,
  onlyOfficeId: string | null,
): Promise<OfficeProgress[]> {
  const r = await sql<{
    office_id: string;
    office_name: string;
    period_id: string | null;
    status: "open" | "closed" | null;
    loci: string;
    units: string;
    draft: string;
    submitted: string;
    returned: string;
    approved: string;
  }>`select o.id as office_id, o.name as office_name, p.id as period_id, p.status,
       count(distinct u.pemda_id) as loci, count(a.id) as units,
       count(a.id) filter (where x.status = 'draft') as draft,
       count(a.id) filter (where x.status = 'submitted') as submitted,
       count(a.id) filter (where x.status = 'returned') as returned,
       count(a.id) filter (where x.status = 'approved') as approved
     from offices o
     left join periods p on p.office_id = o.id and p.round_id = ${roundId}
     left join assignments a on a.period_id = p.id
     left join units u on u.id = a.unit_id
     left join lateral (select s.status from assessments s where s.assignment_id = a.id
                        order by s.updated_at desc, s.id limit 1) x on true
     where (${onlyOfficeId}::text is null or o.id = ${onlyOfficeId})
       and (o.is_central = false or p.id is not null)
     group by o.id, o.name, p.id, p.status
     order by o.name, o.id`.execute(db);
  return r.rows.map((x) => {
    const units = Number(x.units);
    const counted = Number(x.draft) + Number(x.submitted) + Number(x.returned) + Number(x.approved);
    return {
      officeId: x.office_id,
      officeName: x.office_name,
      joined: x.period_id !== null,
      periodId: x.period_id,
      periodStatus: x.status,
      loci: Number(x.loci),
      units,
      notStarted: units - counted,
      draft: Number(x.draft),
      submitted: Number(x.submitted),
      returned: Number(x.returned),
      approved: Number(x.approved),
    };
  });
}
