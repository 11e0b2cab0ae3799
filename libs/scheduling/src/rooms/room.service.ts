import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/platform/audit/audit.service';
import { Actor, Role } from '@app/platform/auth/roles';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CreateRoomDto, RoomView } from '../dto/scheduling.dto';
import { SchedulingRepository } from '../scheduling.repository';
import { SchedulingErrors } from '../scheduling-errors';

/** 场地: the centre's opening halls, evaluation rooms, remote seats and auction halls. */
@Injectable()
export class RoomService {
  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: SchedulingRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateRoomDto): Promise<RoomView> {
    return this.txr.run(async (tx) => {
      const room = await this.repo.insertRoom(tx.em, dto);
      if (!room) throw SchedulingErrors.ROOM_NAME_TAKEN({ name: dto.name });
      await this.audit.append(tx.em, { actor, role: Role.Centre, action: 'scheduling.room_created', subject: { type: 'scheduling_room', id: room.id }, payload: dto });
      return room;
    });
  }

  list(): Promise<RoomView[]> {
    return this.repo.rooms(this.txr.dataSource.manager);
  }
}
