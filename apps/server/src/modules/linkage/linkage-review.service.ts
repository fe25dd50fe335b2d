/**
 * The review screen's reads (issue #4 item 3): proposed pairs side by side with the reasons
 * for their score. Both records must be in the reviewer's identity scope; every read that
 * shows names is audited with the ids shown.
 */
import { DomainError, type LinkProposal, type LinkProposalDetail, type PersonLinks } from '@qorgau/core';
import type { AppDeps } from '../../app-deps.ts';
import { appendAudit, type AuditContext } from '../../audit/audit.repository.ts';
import type { AuthContext } from '../../auth/auth.plugin.ts';
import { getPerson } from '../persons/persons.repository.ts';
import { personIdentity, personSummary } from '../persons/persons.view.ts';
import { decisionsOnPair, getProposal, linkedRecordsOf, listOpenProposals, personsByIds } from './linkage.repository.ts';

type ProposalRow = Awaited<ReturnType<typeof listOpenProposals>>['rows'][number];

export function createLinkageReviewService(deps: AppDeps) {
  const { db, cipher } = deps;

  const proposalOf = (p: ProposalRow, people: Awaited<ReturnType<typeof personsByIds>>): LinkProposal => {
    const a = people.get(p.personA);
    const b = people.get(p.personB);
    if (!a || !b) throw new DomainError('not_found');
    return {
      id: p.id,
      modelDecision: p.modelDecision as LinkProposal['modelDecision'],
      reviewReason: (p.reviewReason ?? null) as LinkProposal['reviewReason'],
      probability: p.probability,
      score: p.score,
      createdAt: p.createdAt.toISOString(),
      a: personSummary(cipher, a, true),
      b: personSummary(cipher, b, true),
    };
  };

  return {
    async list(auth: AuthContext, audit: AuditContext, page: number, pageSize: number) {
      return db.transaction(async (tx) => {
        const { rows, total } = await listOpenProposals(tx, auth.actor, page, pageSize);
        const people = await personsByIds(
          tx,
          rows.flatMap((r) => [r.personA, r.personB]),
        );
        const items = rows.map((r) => proposalOf(r, people));
        await appendAudit(tx, audit, { operation: 'person.link_proposals_read', recordType: 'person', details: { shown: [...people.keys()], total } });
        return { items, total, page, pageSize };
      });
    },

    async detail(auth: AuthContext, audit: AuditContext, id: string): Promise<LinkProposalDetail> {
      return db.transaction(async (tx) => {
        const p = await getProposal(tx, auth.actor, id);
        if (!p) throw new DomainError('not_found');
        const people = await personsByIds(tx, [p.personA, p.personB]);
        const base = proposalOf(p, people);
        const side = (pid: string) => {
          const person = people.get(pid);
          if (!person) throw new DomainError('not_found');
          return { ...personSummary(cipher, person, true), identity: personIdentity(cipher, person) };
        };
        const decisions = (await decisionsOnPair(tx, p.personA, p.personB)).map((d) => ({
          decision: d.decision as 'same' | 'different',
          at: d.at.toISOString(),
          byAgency: d.byAgency,
        }));
        await appendAudit(tx, audit, {
          operation: 'person.link_proposals_read',
          recordType: 'person',
          recordId: p.personA,
          details: { proposal: p.id, shown: [p.personA, p.personB] },
        });
        return {
          ...base,
          status: p.status as LinkProposalDetail['status'],
          explanation: p.explanation as LinkProposalDetail['explanation'],
          a: side(p.personA),
          b: side(p.personB),
          decisions,
        };
      });
    },

    /** Records linked to a person as the same person, among those the caller may identify. */
    async links(auth: AuthContext, audit: AuditContext, id: string): Promise<PersonLinks> {
      return db.transaction(async (tx) => {
        const found = await getPerson(tx, auth.actor, id);
        if (!found) throw new DomainError('not_found');
        if (!found.identityVisible) return { linked: [] };
        const linked = (await linkedRecordsOf(tx, auth.actor, id)).map((r) => personSummary(cipher, r, true));
        if (linked.length > 0)
          await appendAudit(tx, audit, { operation: 'person.read', recordType: 'person', recordId: id, details: { linked: linked.map((l) => l.id) } });
        return { linked };
      });
    },
  };
}
