import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createSearchClient, SearchClient } from '@platform/search';
import { APP_CONFIG, AppConfig } from '../../config/config';

export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');

@Global()
@Module({
  providers: [
    {
      provide: SEARCH_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => createSearchClient({ url: c.ELASTICSEARCH_URL }),
    },
  ],
  exports: [SEARCH_CLIENT],
})
export class SearchModule implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_CLIENT) private readonly client: SearchClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
