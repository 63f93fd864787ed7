import type { Policy } from '../../config/policy.js';
import type { BusinessCalendar } from '../domain/calendar.js';
import type { Correction } from '../domain/correction.js';
import type { Actor, Directory, Project } from '../domain/directory.js';
import type { ParsedMessage } from '../domain/parse/parse.js';
import type { Assignee, Category, Ticket, TicketStatus } from '../domain/ticket.js';
import type { DigestFocus } from '../domain/parse/digest-request.js';
import type { Outcome, RatingLevel } from '../domain/ticket-state.js';
import type { InboundMessage, PlatformId } from '../messages/inbound.js';
import type { OutboundMessage, OutboundTarget } from '../messages/outbound.js';
import type { Logger } from '../shared/logger.js';
import type { DecideItem, ItemChangeResult, PathLookup, ProjectReportKind } from './project-service.js';
import type { ChangeResult, Decide, OpenTicketFields } from './ticket-service.js';
import type { StoredVisit, Visit } from '../domain/visit.js';
import type { DecideVisit, VisitChangeResult } from './visit-service.js';

/** What a handler may touch; no transport, mongoose or BullMQ. */
export interface BotContext {
  msg: InboundMessage;
  parsed: ParsedMessage;
  /** Who read the report fields: the rules, or the LLM. */
  parsedBy: 'rules' | 'llm';
  /** The 重复 pair model's weights in force: the deployment's, learned from 是 / 不是 answers; absent: the shipped ones. */
  pairWeights?: readonly number[];
  log: Logger;
  /** ISO-8601 of the message's own time. */
  now: string;
  timezone: string;
  /** The sender, as the directory knows them. */
  actor: Actor;
  directory: Directory;
  /** The leaders' digest of the running day, week or month, rendered. */
  /**
   * The digest of the current day, week, month or year (`previous`: the one before), rendered whole, as rankings, or
   * as the one figure a leader asked for (`focus`, `category`: see parseDigestRequest).
   */
  digest(kind: 'day' | 'week' | 'month' | 'year', opts?: { rankingOnly?: boolean; previous?: boolean; focus?: DigestFocus; category?: Category | null }): Promise<OutboundMessage>;
  /** 项目代办's leaders' report of the running month (月调度), quarter (季观摩) or year (年验收), rendered. */
  projectReport(kind: ProjectReportKind): Promise<OutboundMessage>;
  /** The working-day calendar and the SLA policy. */
  sla: { calendar: BusinessCalendar; policy: Policy };
  /** Answers in the same conversation (durably, through the outbound queue). */
  reply(message: OutboundMessage): Promise<void>;
  /** Sends to a group of the directory or to one person. */
  send(target: OutboundTarget, message: OutboundMessage): Promise<void>;
  /** A private message to a person, on the ticket's platform when they have an id there; false when unreachable. */
  notifyPerson(person: Assignee, message: OutboundMessage, preferred?: 'wecom' | 'dingtalk'): Promise<boolean>;
  /** Posts to the ticket's own group, unless that is where this message came from (the reply covers it). */
  postToTicketGroup(ticket: Ticket, message: OutboundMessage): Promise<void>;
  /** Lines linking to the workbench's pages, to append to a message (none when the bot has no public address). */
  links: { ticket(no: number): string[] };
  /** A one-time sign-in link to the workbench for the sender; null when the workbench has no public address. */
  signInLink(): Promise<string | null>;
  tickets: {
    openFromMessage(fields: OpenTicketFields): Promise<{ ticket: Ticket; created: boolean }>;
    get(no: number): Promise<Ticket | null>;
    /** The ticket this very message opened before (a retried job), or null. */
    ofThisMessage(): Promise<Ticket | null>;
    /** The ticket a message (by its source id) opened, or null. */
    bySource(source: string): Promise<Ticket | null>;
    /**
     * Loads, decides and applies one change under the ticket's lock; a message applied before is not applied twice.
     * `part`: the second (1) of two changes of one kind one message makes (two fields corrected), told apart so that each
     * is made once.
     */
    change(no: number, decide: Decide, opts?: { asBot?: boolean; part?: number }): Promise<ChangeResult>;
    /** Open tickets; `overdueAt` (ISO instant): only those past their answer deadline then and not paused. */
    listOpen(f: { assignee?: string; enterpriseId?: string; reporter?: string; overdueAt?: string; limit?: number }): Promise<Ticket[]>;
    /** 待确认: open tickets awaiting a category check, oldest first, with their count; `memberOf`: one person's team's. */
    listTriage(f: { memberOf?: string; limit?: number }): Promise<{ total: number; tickets: Ticket[] }>;
    /**
     * 重复 and 回潮: this conversation's or this enterprise's tickets open since `openSince` or answered since
     * `answeredSince`, newest first, without events.
     */
    listSimilarCandidates(f: { enterpriseId: string | null; openSince: string; answeredSince: string }): Promise<Ticket[]>;
    /** This conversation's newest tickets in one of `statuses` (在办, 待评价 …), newest first, without events. */
    listHere(statuses: readonly TicketStatus[]): Promise<Ticket[]>;
  };
  /** 助企走访: the visits cadres log, and the figures over them. */
  visits: {
    /** Logs this message's visit once (numbered when built); a retried message finds its visit. */
    log(build: (no: number) => Visit): Promise<{ visit: StoredVisit; created: boolean }>;
    get(no: number): Promise<StoredVisit | null>;
    /** Decides and applies one change under the visit's lock; a message applied before is not applied twice. */
    change(no: number, decide: DecideVisit): Promise<VisitChangeResult>;
    /** The sender's visits logged in the last day (the edit window), newest first. */
    recentOfSender(): Promise<StoredVisit[]>;
    /** Visits whose enterprise is not in the directory, for an admin to link. */
    unlinked(): Promise<StoredVisit[]>;
    /** 走访情况: this month's coverage, rendered for leaders. */
    overview(): Promise<OutboundMessage>;
    /** 我的走访: a cadre's visits this month and their key enterprises not yet visited, rendered. */
    mine(personId: string): Promise<OutboundMessage>;
  };
  /** 项目代办: the approval paths of the directory's projects. */
  projects: {
    /** The project's path, created from its template the first time it is asked for. */
    pathOf(project: Project): Promise<PathLookup>;
    /** Decides and applies one item change under the project's lock; a message applied before is not applied twice. */
    change(project: Project, decide: DecideItem): Promise<ItemChangeResult>;
  };
}

export interface Handler {
  name: string;
  match(ctx: BotContext): boolean;
  /** Returns a short outcome for the intake ledger and logs. */
  handle(ctx: BotContext): Promise<string>;
}

/**
 * A change to a ticket, as read from a chat message or given by the workbench page: the same handler performs it
 * either way (`Performer`), with the same permission checks and announcements.
 */
export type TicketCommand =
  | { kind: 'claim'; no: number }
  | { kind: 'progress'; no: number; note: string }
  | { kind: 'transfer'; no: number; to: Assignee; note?: string }
  | { kind: 'return'; no: number; reason: string }
  /** `due`: the new answer deadline, given the current one (null: none could be read). */
  | { kind: 'extend'; no: number; due: (currentDue: string) => string | null; reason: string }
  | { kind: 'approve_extension'; no: number }
  | { kind: 'resolve'; no: number; outcome: Outcome; note?: string }
  | { kind: 'rate'; no: number; level: RatingLevel; note?: string }
  | { kind: 'reopen'; no: number; note?: string }
  /** 更正: category, urgency, enterprise, or 不是问题. */
  | { kind: 'correct'; no: number; correction: Correction };

/** Who signed in to the workbench: a platform account, and the conversation they asked from (their enterprise's group). */
export interface WorkbenchIdentity {
  platform: PlatformId;
  userId: string;
  name?: string;
  /** The conversation the sign-in link was asked for in: an enterprise's group makes the sender its contact. */
  chatId?: string;
}

/** What performing a command came to: done, or refused with the sentence the person was answered. */
export type PerformResult = { done: true; outcome: string } | { done: false; outcome: string };

export type Performer = (ctx: BotContext, cmd: TicketCommand) => Promise<PerformResult>;
