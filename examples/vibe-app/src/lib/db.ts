import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

import { config } from './config';

export const prisma = new PrismaClient();
export const pool = new Pool({ connectionString: config.databaseUrl });
