/** Every adapter to an agency we cannot reach from here says whether it is a simulator. */
export type Adapter = { readonly name: string; readonly isSimulator: boolean };

export type OutgoingMessage = { to: string; subject?: string; text: string };

export type SmsGateway = Adapter & { send(message: OutgoingMessage): Promise<void> };
export type Mailer = Adapter & { send(message: OutgoingMessage): Promise<void> };
