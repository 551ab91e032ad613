import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { FairsModule } from '../fairs/fairs.module';
import { PositionsController } from './positions.controller';
import { PositionsService } from './positions.service';

@Module({
  imports: [FairsModule, EmployersModule],
  controllers: [PositionsController],
  providers: [PositionsService],
  exports: [PositionsService],
})
export class PositionsModule {}
