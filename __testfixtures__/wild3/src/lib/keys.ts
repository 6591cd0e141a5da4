export const TIMELINE_KEY = Symbol('patient-timeline');
export const LAYOUT_KEY = Symbol('layout-actions');
