/** Every adapter to an agency we cannot reach from here says whether it is a simulator. */
export type Adapter = { readonly name: string; readonly isSimulator: boolean };

export type OutgoingMessage = {
  to: string;
  subject?: string;
  text: string;
  /**
   * The same for every delivery attempt of one message (the outbox row's id), so the
   * receiving side can recognise a second attempt after a crash between "sent" and "marked
   * sent": the simulators keep one row per key, SMTP carries it in the Message-ID, and a real
   * SMS provider gets it as its client reference (see docs/ARCHITECTURE.md, Decisions).
   */
  idempotencyKey: string;
};

export type SmsGateway = Adapter & { send(message: OutgoingMessage): Promise<void> };
export type Mailer = Adapter & { send(message: OutgoingMessage): Promise<void> };
