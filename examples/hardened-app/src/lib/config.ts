function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// Read once at startup: a missing secret stops the deploy instead of running with a guessable default.
export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: requireEnv('JWT_SECRET'),
  databaseUrl: requireEnv('DATABASE_URL'),
  stripeKey: requireEnv('STRIPE_SECRET_KEY'),
  adminPasswordHash: requireEnv('ADMIN_PASSWORD_BCRYPT'),
};
