export const apiKeysKeys = {
  all: ["api-keys"] as const,
};
