export const config = {
  port: process.env.PORT || 3000,
  jwtSecret: process.env.JWT_SECRET || 'super-secret-jwt-key',
  databaseUrl: process.env.DATABASE_URL || 'postgres://admin:admin123@localhost:5432/shop',
  stripeKey: process.env.STRIPE_SECRET_KEY ?? 'sk_test_51H8example',
};
