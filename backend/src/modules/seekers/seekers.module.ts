import { Module } from '@nestjs/common';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { EmployersModule } from '../employers/employers.module';
import { FairsModule } from '../fairs/fairs.module';
import { ResumesService } from './resumes.service';
import { SeekersController } from './seekers.controller';
import { SeekersService } from './seekers.service';

@Module({
  imports: [FairsModule, EmployersModule],
  controllers: [SeekersController],
  providers: [SeekersService, ResumesService, PiiCipher],
  exports: [SeekersService, ResumesService],
})
export class SeekersModule {}
