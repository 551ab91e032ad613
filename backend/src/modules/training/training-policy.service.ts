import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_TRAINING_POLICY,
  TrainingPolicyValues,
  TrainingPolicyValuesSchema,
} from '@platform/contracts';
import { trainingPolicyVersions } from '../../database/schema';
import { DATABASE, Database } from '../../infra/database/database';
import { PolicyVersions } from './policy-versions';

/** The versioned training policy (training.md §4.0): the values that turn learning into 学时. */
@Injectable()
export class TrainingPolicyService extends PolicyVersions<TrainingPolicyValues> {
  constructor(@Inject(DATABASE) db: Database) {
    super(db, trainingPolicyVersions, TrainingPolicyValuesSchema, DEFAULT_TRAINING_POLICY, {
      type: 'training_policy',
      takenCode: 'TRAINING_POLICY_VERSION_TAKEN',
    });
  }
}
