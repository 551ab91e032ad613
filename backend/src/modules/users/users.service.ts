import { Injectable } from '@nestjs/common';
import type { Role, UserView } from '@platform/contracts';
import type { Actor } from '../../common/auth/actor';
import { assertOwnerOrRole } from '../../common/auth/ownership';
import { AppError } from '../../common/errors/app-error';
import { toUserView } from './user-view';
import { UsersRepository, UserWithRoles } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /** A profile is visible to its owner and to staff. */
  async view(actor: Actor, userId: string): Promise<UserView> {
    const user = await this.load(userId);
    assertOwnerOrRole(actor, user.id, ['admin', 'organizer']);
    return toUserView(user);
  }

  /** Only the owner edits a profile; staff do not write in someone's name. */
  async updateProfile(actor: Actor, userId: string, displayName: string): Promise<UserView> {
    assertOwnerOrRole(actor, (await this.load(userId)).id);
    await this.users.updateDisplayName(userId, displayName);
    return toUserView(await this.load(userId));
  }

  async grantRoles(actor: Actor, userId: string, roles: Role[]): Promise<UserView> {
    await this.load(userId);
    await this.users.grantRoles(userId, roles, actor.userId);
    return toUserView(await this.load(userId));
  }

  async setDistrict(actor: Actor, userId: string, district: string | null): Promise<UserView> {
    const user = await this.load(userId);
    if (!user.roles.includes('organizer'))
      throw new AppError(
        'USER_NOT_ORGANIZER',
        'A district can only be set on an organizer account. 只能为组织方账号设置所属区县。',
        { roles: user.roles },
      );
    await this.users.setDistrict(userId, district, actor.userId, user.district);
    return toUserView(await this.load(userId));
  }

  private async load(userId: string): Promise<UserWithRoles> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('NOT_FOUND', 'No such user. 用户不存在。');
    return user;
  }
}
