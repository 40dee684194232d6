/** The output formats of `lwr check --format` (each written by src/format/). */
export const CHECK_FORMATS = ['stylish', 'json', 'github', 'sarif', 'eslint-json', 'junit', 'gitlab'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
