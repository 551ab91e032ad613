import type { ClassInput, ClassView } from '@platform/contracts/training/classes';
import type { CourseView } from '@platform/contracts/training/api';

/** The editable state of the class dialog; plan hours are per course module, in the course's order. */
export interface ClassForm {
  courseId: string;
  name: string;
  district: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  platformId: string;
  teachers: string[];
  hours: Record<string, number | undefined>;
  scheduleNote: string;
}

export function emptyClassForm(): ClassForm {
  return {
    courseId: '',
    name: '',
    district: '',
    startsOn: '',
    endsOn: '',
    capacity: 30,
    platformId: '',
    teachers: [],
    hours: {},
    scheduleNote: '',
  };
}

/** Choosing a course proposes its module hours and its platform; the institution may change them. */
export function applyCourse(form: ClassForm, course: CourseView): ClassForm {
  return {
    ...form,
    courseId: course.id,
    name: form.name || `${course.title}（第1期）`,
    platformId: form.platformId || course.platform?.id || '',
    hours: Object.fromEntries(course.modules.map((m) => [m.name, m.hours])),
  };
}

export function formFromClass(cls: ClassView): ClassForm {
  return {
    courseId: cls.course.id,
    name: cls.name,
    district: cls.district,
    startsOn: cls.startsOn,
    endsOn: cls.endsOn,
    capacity: cls.capacity ?? 30,
    platformId: cls.platform?.id ?? '',
    teachers: [...cls.plan.teachers],
    hours: Object.fromEntries(cls.plan.modules.map((m) => [m.name, m.hours])),
    scheduleNote: cls.plan.scheduleNote,
  };
}

/** Empty fields stay empty, so the api can say which plan fields are missing (TR-5). */
export function toClassInput(form: ClassForm): ClassInput {
  return {
    courseId: form.courseId,
    name: form.name.trim(),
    district: form.district as ClassInput['district'],
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    capacity: form.capacity,
    platformId: form.platformId || null,
    jurisdiction: 'CQ',
    plan: {
      teachers: form.teachers.map((name) => name.trim()).filter(Boolean),
      modules: Object.entries(form.hours)
        .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
        .map(([name, hours]) => ({ name, hours })),
      scheduleNote: form.scheduleNote.trim(),
    },
  };
}

/** Only a draft or a returned plan can be edited and submitted; submitted and approved ones are frozen. */
export function planEditable(cls: Pick<ClassView, 'planStatus'>): boolean {
  return cls.planStatus === 'draft' || cls.planStatus === 'rejected';
}
