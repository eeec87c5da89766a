import { InputField, type InputFieldProps } from '../../components/Field';
import styles from './Settings.module.css';

const classes = { field: styles.field, label: styles.fieldLabel, hint: styles.hint };

/** A labelled text input (components/Field) in the settings pages' look. */
export function SettingsField(props: Omit<InputFieldProps, 'classes'>) {
  return <InputField {...props} classes={classes} />;
}
