import { Module } from '@nestjs/common';
import { TrainingReportsController } from './training-reports.controller';
import { TrainingReportsService } from './training-reports.service';

/** Training figures for organizers (issue 8 item 6). */
@Module({ controllers: [TrainingReportsController], providers: [TrainingReportsService] })
export class TrainingReportsModule {}
