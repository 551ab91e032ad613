import {
  LoginSchema,
  RefreshSchema,
  RegisterSchema,
  SessionSchema,
  TokenSessionSchema,
  UserViewSchema,
} from '@platform/contracts';
import { createZodDto } from 'nestjs-zod';

export class RegisterDto extends createZodDto(RegisterSchema) {}
export class LoginDto extends createZodDto(LoginSchema) {}
export class RefreshDto extends createZodDto(RefreshSchema) {}
export class SessionDto extends createZodDto(SessionSchema) {}
export class UserViewDto extends createZodDto(UserViewSchema) {}
export class TokenSessionDto extends createZodDto(TokenSessionSchema) {}
