import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { FairsModule } from '../fairs/fairs.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ imports: [FairsModule], controllers: [ReportsController], providers: [ReportsService, PiiCipher] })
export class ReportsModule {}
