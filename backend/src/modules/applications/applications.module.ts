import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { FairsModule } from '../fairs/fairs.module';
import { SeekersModule } from '../seekers/seekers.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [FairsModule, EmployersModule, SeekersModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
