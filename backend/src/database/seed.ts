import type { Role } from '@platform/contracts';
import { eq } from 'drizzle-orm';
import { PiiCipher } from '../common/pii/pii-cipher';
import { AppConfig, loadConfig } from '../config/config';
import { createDatabase, createPool } from '../infra/database/database';
import { PasswordHasher } from '../modules/auth/password-hasher';
import { seedAgencySubsidyPolicy } from './demo/seed-agency-subsidies';
import { DEMO_INSTITUTION_PHONE, DEMO_STUDENT_PHONE, seedTrainingDemo } from './demo/seed-training';
import { userRoles, users } from './schema';

export const DEMO_PASSWORD = 'Demo2026pass';

export const DEMO_ACCOUNTS: { phone: string; email: string; displayName: string; roles: Role[] }[] = [
  { phone: '13800000001', email: 'admin@demo.cn', displayName: '平台管理员', roles: ['admin', 'organizer'] },
  { phone: '13800000002', email: 'organizer@demo.cn', displayName: '人社局 王科长', roles: ['organizer'] },
  {
    phone: '13800000003',
    email: 'hr@demo-employer.cn',
    displayName: '重庆示例科技有限公司',
    roles: ['employer'],
  },
  { phone: '13800000004', email: 'agency@demo.cn', displayName: '山城人力资源服务公司', roles: ['agency'] },
  {
    phone: DEMO_STUDENT_PHONE,
    email: 'student@demo.cn',
    displayName: '李同学',
    roles: ['seeker', 'trainee'],
  },
  {
    phone: DEMO_INSTITUTION_PHONE,
    email: 'school@demo-training.cn',
    displayName: '山城职业培训学校 教务',
    roles: ['institution'],
  },
];

/** Idempotent: accounts that exist are left as they are; the training demo is added once. */
export async function seedDemoData(config: AppConfig): Promise<void> {
  const pool = createPool(config.DATABASE_URL, 2);
  const db = createDatabase(pool);
  const hasher = new PasswordHasher();
  try {
    for (const account of DEMO_ACCOUNTS) {
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.phone, account.phone));
      if (existing) continue;
      const passwordHash = await hasher.hash(DEMO_PASSWORD);
      await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            phone: account.phone,
            email: account.email,
            displayName: account.displayName,
            passwordHash,
          })
          .returning();
        await tx.insert(userRoles).values(account.roles.map((role) => ({ userId: user.id, role })));
      });
    }
    await seedTrainingDemo(db, new PiiCipher(config));
    await seedAgencySubsidyPolicy(db);
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  seedDemoData(loadConfig())
    .then(() => {
      console.log(`demo accounts (password ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS)
        console.log(`  ${a.phone}  ${a.email.padEnd(22)} ${a.roles.join('+').padEnd(18)} ${a.displayName}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
