import { Module } from '@nestjs/common';
import { FairPageService } from './fair-page.service';
import { FairsController } from './fairs.controller';
import { FairsService } from './fairs.service';

@Module({
  controllers: [FairsController],
  providers: [FairsService, FairPageService],
  exports: [FairsService],
})
export class FairsModule {}
