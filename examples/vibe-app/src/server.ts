import cors from 'cors';
import express from 'express';

import { config } from './lib/config';
import usersRouter from './routes/users';

const app = express();
app.use(cors());
app.use(express.json());
app.use('/api/users', usersRouter);

app.listen(config.port, () => {
  console.log(`Server running on port ${config.port}`);
});
