import type { departments as en } from '../en/departments';

export const departments: typeof en = {
  title: 'Abteilungen',
  description: 'Teams, zu denen Personen gehören. Manager sehen und bedienen die Personen ihrer eigenen Abteilung.',
  newDepartment: 'Neue Abteilung',
  search: { label: 'Abteilungen suchen', placeholder: 'Nach Name oder Kürzel suchen' },
  loading: 'Abteilungen werden geladen',
  pages: 'Abteilungsseiten',
  empty: {
    title: 'Noch keine Abteilungen',
    description: 'Legen Sie eine Abteilung an, um ihr Personen zuordnen zu können.',
  },
  noMatch: { title: 'Keine passenden Abteilungen', description: 'Versuchen Sie einen anderen Namen oder ein anderes Kürzel.' },
  table: {
    caption: 'Abteilungen',
    name: 'Name',
    code: 'Kürzel',
    people: 'Personen',
    created: 'Angelegt',
    actions: 'Aktionen',
    edit: '{{department}} bearbeiten',
    delete: '{{department}} löschen',
  },
  form: {
    newTitle: 'Neue Abteilung',
    editTitle: '{{department}} bearbeiten',
    description: 'Namen und Kürzel sind eindeutig. Das Kürzel ist eine kurze Kennung, die in Berichten erscheint.',
    create: 'Abteilung anlegen',
    saveChanges: 'Änderungen speichern',
    name: 'Name',
    code: 'Kürzel',
    codeHint: '2–12 Buchstaben, Ziffern oder Bindestriche.',
    created: '{{department}} angelegt.',
    saved: '{{department}} gespeichert.',
  },
  delete: {
    title: '{{department}} löschen?',
    titleFallback: 'Abteilung löschen?',
    members_one: '{{number}} Person gehört zu dieser Abteilung. Verschieben Sie sie zuerst, sonst wird das Löschen abgelehnt.',
    members_other:
      '{{number}} Personen gehören zu dieser Abteilung. Verschieben Sie sie zuerst, sonst wird das Löschen abgelehnt.',
    cannotUndo: 'Dies kann nicht rückgängig gemacht werden.',
    button: 'Abteilung löschen',
    deleted: '{{department}} gelöscht.',
    deletedFallback: 'Abteilung gelöscht.',
  },
};
