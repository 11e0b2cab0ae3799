import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpenDataErrors as E } from '../opendata-errors';
import { HistoryInput, namedOrganisations, stateAt, versionsOf } from './project-history';
import { ProjectHistoryRepository } from './project-history.repository';

/** 历史版本: a published project's versions, and its public view at a past moment, from one read-only snapshot. */
@Injectable()
export class ProjectHistoryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: ProjectHistoryRepository,
  ) {}

  async history(id: string, at?: Date) {
    return this.ds.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      const project = await this.repo.project(em, id);
      if (!project) throw E.PROJECT_NOT_FOUND({ id });
      const tendering = project.domain === 'tendering';
      const events = await this.repo.events(em, id);
      const input: HistoryInput = {
        domain: project.domain,
        events,
        names: await this.repo.organisationNames(em, namedOrganisations(events)),
        documents: tendering ? await this.repo.documents(em, id) : [],
        clarifications: tendering ? await this.repo.clarifications(em, id) : [],
        sections: tendering ? await this.repo.sections(em, id) : undefined,
        notices: await this.repo.notices(em, id),
      };
      if (!at) return { project, versions: versionsOf(input) };
      const state = stateAt(input, at);
      if (!state) throw E.NOT_PUBLIC_AT({ id, at: at.toISOString() });
      const version = input.events.filter((e) => e.at.getTime() <= at.getTime()).length;
      return { project, at: at.toISOString(), version, state };
    });
  }
}
