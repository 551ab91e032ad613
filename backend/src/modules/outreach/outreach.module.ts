import { Global, Module } from '@nestjs/common';
import { OutreachService } from './outreach.service';

@Global()
@Module({ providers: [OutreachService], exports: [OutreachService] })
export class OutreachModule {}
