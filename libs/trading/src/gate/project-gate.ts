import { Injectable, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { TradingErrors } from '../trading-errors';
import { GateRow, PROJECT_OF_LOT, PROJECT_OF_PROJECT, ProjectGateRepository } from './project-gate.repository';

/**
 * How the id a route names (a tender, an application, a lot…) leads to its trading_project id: a domain's
 * `SELECT project_id FROM its_table WHERE id = $1::uuid`, kept in that domain's repository. The gate wraps it into
 * one statement with the project's state, so a gated request costs one indexed read before its handler.
 */
export type ProjectResolver = string;

const GATE_SCOPE = new AsyncLocalStorage<{ projectId: string; inStatement?: boolean }>();

/**
 * Runs `fn` with the gate's in-transaction re-check left to the caller's own write statement, which must itself refuse
 * the write when the project is suspended (the live engine's accept reads the lot row's `suspended_at`, which the
 * suspension sets under the lot's row lock, and the project's status). It saves a round trip and, above all, the
 * project row's KEY SHARE lock that every concurrent bid on the project's lots would share (a new multixact per bid:
 * a second hot row).
 */
export function checkedByStatement<T>(fn: () => T): T {
  const store = GATE_SCOPE.getStore();
  return store ? GATE_SCOPE.run({ ...store, inStatement: true }, fn) : fn();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kernel's request gate: a suspended project changes nothing, whatever the domain. Each domain registers how its
 * ids lead to a project (the kernel names no domain table); a route marked @ProjectWrite is refused before its handler
 * when the project is suspended, and every transaction the request then opens re-checks it under a row lock, so a
 * write racing a suspension either commits before it or is refused.
 */
@Injectable()
export class ProjectGate implements OnModuleInit {
  private readonly resolvers = new Map<string, ProjectResolver>();
  private readonly scope = GATE_SCOPE;

  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: ProjectGateRepository,
  ) {
    this.resolver('project', PROJECT_OF_PROJECT);
    this.resolver('lot', PROJECT_OF_LOT);
  }

  onModuleInit(): void {
    this.txr.onBegin((em) => this.checkInTransaction(em));
  }

  /** A domain says how one of its ids leads to a project (called from its module's constructor or onModuleInit). */
  resolver(kind: string, resolve: ProjectResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`project gate: resolver '${kind}' registered twice`);
    this.resolvers.set(kind, resolve);
  }

  kinds(): string[] {
    return [...this.resolvers.keys()];
  }

  /**
   * The project a request names, refused at once when suspended. An id that is not a uuid or names nothing is let
   * through: the validation pipe or the handler answers it (400/404) as it would without the gate.
   */
  async enter(kind: string, id: unknown): Promise<string | undefined> {
    const resolve = this.resolvers.get(kind);
    if (!resolve) throw new Error(`project gate: no resolver registered for '${kind}'`);
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    const row = await this.repo.resolve(this.txr.dataSource.manager, resolve, id);
    if (!row) return undefined;
    this.refuseIfSuspended(row);
    return row.projectId;
  }

  /** Runs `fn` (the rest of the request) with the project remembered for every transaction it opens. */
  within<T>(projectId: string, fn: () => T): T {
    return this.scope.run({ projectId }, fn);
  }

  /** The request's project, if it is a gated one. */
  current(): string | undefined {
    return this.scope.getStore()?.projectId;
  }

  private async checkInTransaction(em: EntityManager): Promise<void> {
    const store = this.scope.getStore();
    if (!store || store.inStatement) return;
    const projectId = store.projectId;
    const row = await this.repo.lockShared(em, projectId);
    if (row) this.refuseIfSuspended(row);
  }

  private refuseIfSuspended(row: GateRow): void {
    if (row.status === 'suspended') throw TradingErrors.PROJECT_SUSPENDED({ projectId: row.projectId, suspendedAt: row.suspendedAt, reason: row.suspensionReason });
  }
}
