import { Inject, Injectable } from '@nestjs/common';
import { isValidResidentIdNumber, maskIdNumber, SeekerFlag } from '@platform/contracts';
import { eq } from 'drizzle-orm';
import { Actor } from '../../common/auth/actor';
import { recordAudit } from '../../common/audit/audit-log';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../common/errors/pg-errors';
import { PiiCipher } from '../../common/pii/pii-cipher';
import { fairSeekers, seekerProfiles } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { FairsService } from '../fairs/fairs.service';
import { SearchSync } from '../search/search-sync.service';

type ProfileRow = typeof seekerProfiles.$inferSelect;
export interface ProfileInput {
  university: string;
  major: string;
  degree: string;
  cohort: number;
  leftSchoolOn?: string;
  flags: { flag: SeekerFlag; evidence: string }[];
}

/** Seeker profiles, real-name verification and fair registration (recruitment.md §2.5, AS-22, AS-23). */
@Injectable()
export class SeekersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly pii: PiiCipher,
    private readonly fairs: FairsService,
    private readonly searchSync: SearchSync,
  ) {}

  async profile(userId: string) {
    return toProfileView(userId, await this.load(userId));
  }

  /** The number is checked by its GB 11643 check digit, stored encrypted and shown masked. */
  async verify(actor: Actor, realName: string, idNumber: string) {
    if (!isValidResidentIdNumber(idNumber)) {
      throw new AppError(
        'SEEKER_ID_INVALID',
        'The 身份证 number is not valid (check digit). 身份证号码校验不通过。',
        { field: 'idNumber' },
      );
    }
    const values = {
      realName,
      idNumberCipher: this.pii.encrypt(idNumber),
      idNumberHash: this.pii.lookupHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      verifiedAt: new Date(),
      updatedAt: new Date(),
    };
    try {
      await this.db.transaction(async (tx) => {
        await tx
          .insert(seekerProfiles)
          .values({ userId: actor.userId, ...values })
          .onConflictDoUpdate({ target: seekerProfiles.userId, set: values });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'seeker.verify',
          subjectType: 'seeker',
          subjectId: actor.userId,
          details: { idNumberMasked: values.idNumberMasked },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'seeker_profiles_id_hash_key'))
        throw new AppError(
          'SEEKER_ID_TAKEN',
          'This 身份证 number is already verified on another account. 该身份证号已在其他账号实名。',
        );
      throw error;
    }
    return this.profile(actor.userId);
  }

  async updateProfile(actor: Actor, input: ProfileInput) {
    const values = { ...input, leftSchoolOn: input.leftSchoolOn ?? null, updatedAt: new Date() };
    // Cohort, major, degree and key-group flags are part of the resume document too.
    await this.db.transaction(async (tx) => {
      await tx
        .insert(seekerProfiles)
        .values({ userId: actor.userId, ...values })
        .onConflictDoUpdate({ target: seekerProfiles.userId, set: values });
      await this.searchSync.recordResume(tx, actor.userId);
    });
    this.searchSync.kick();
    return this.profile(actor.userId);
  }

  /**
   * Target group (二) of the 2020 notice (S3:3705): the fair's own cohort of graduates and
   * 离校未就业 graduates. Registration is free and idempotent (AS-22, AS-23).
   */
  async registerForFair(userId: string, fairId: string) {
    const fair = await this.fairs.get(fairId);
    const profile = await this.load(userId);
    const eligibleAs = eligibility(fair, profile);
    if (!eligibleAs) {
      throw new AppError(
        'SEEKER_NOT_ELIGIBLE',
        'This fair is for its cohort of graduates and for 离校未就业 graduates; complete your profile. 本次活动面向应届及离校未就业高校毕业生，请完善个人信息。',
        {
          targetGroups: fair.targetGroups,
          cohort: profile?.cohort ?? null,
        },
      );
    }
    await this.db.insert(fairSeekers).values({ fairId, userId, eligibleAs }).onConflictDoNothing();
    return { fairId, eligibleAs };
  }

  async load(userId: string): Promise<ProfileRow | undefined> {
    const [row] = await this.db.select().from(seekerProfiles).where(eq(seekerProfiles.userId, userId));
    return row;
  }
}

function eligibility(
  fair: { year: number; targetGroups: string[] },
  profile: ProfileRow | undefined,
): string | null {
  if (!profile?.cohort) return null;
  const flags = new Set(profile.flags.map((f) => f.flag));
  if (fair.targetGroups.includes('all_graduates') && profile.cohort === fair.year) return 'all_graduates';
  if (fair.targetGroups.includes('unemployed_graduates') && flags.has('unemployed_graduate'))
    return 'unemployed_graduates';
  return null;
}

function toProfileView(userId: string, row: ProfileRow | undefined) {
  return {
    userId,
    realName: row?.realName ?? null,
    idNumberMasked: row?.idNumberMasked ?? null,
    verified: !!row?.verifiedAt,
    university: row?.university ?? null,
    major: row?.major ?? null,
    degree: row?.degree ?? null,
    cohort: row?.cohort ?? null,
    leftSchoolOn: row?.leftSchoolOn ?? null,
    flags: row?.flags ?? [],
  };
}
