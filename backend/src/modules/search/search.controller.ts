import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../common/auth/decorators';
import {
  PositionSearchQuery,
  PositionSearchResultDto,
  TitleSuggestionQuery,
  TitleSuggestionsDto,
} from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Full text over title, requirements and employer name, with filters, facets and highlighting. */
  @Public()
  @Get('positions')
  @ZodResponse({ status: 200, type: PositionSearchResultDto })
  positions(@Query() query: PositionSearchQuery) {
    return this.search.positions(query);
  }

  /** Up to ten distinct published titles beginning with what the user has typed. */
  @Public()
  @Get('positions/suggestions')
  @ZodResponse({ status: 200, type: TitleSuggestionsDto })
  suggestions(@Query() query: TitleSuggestionQuery) {
    return this.search.titleSuggestions(query);
  }
}
