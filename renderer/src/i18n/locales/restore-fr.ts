import type { Catalogue } from './en';
import type { restoreEn } from './restore-en';

export const restoreFr: Catalogue<typeof restoreEn> = {
  restore: {
    title: 'Restaurer une sauvegarde',
    explained:
      'Remet une sauvegarde à la place de sa base de données. Le fichier actuel est gardé à côté, jamais effacé.',
    none: 'Aucune sauvegarde dans le dossier des sauvegardes pour l’instant.',
    taken: 'Faite',
    database: 'Base de données',
    reason: 'Pourquoi',
    size: 'Taille',
    choose: 'Restaurer celle-ci',
    reasons: {
      z: 'Après un Z',
      interval: 'Toutes les quelques minutes',
      migration: 'Avant une mise à jour',
      manual: 'À la main',
      restore: 'Avant une restauration',
    },
    confirmTitle: 'Restaurer {{database}} avec la sauvegarde du {{time}} ?',
    confirmKept: 'Le fichier {{database}} actuel est gardé à côté sous le nom {{database}}.before-restore-….',
    confirmRecovered:
      'Les paiements Bancontact et les recharges faits depuis sont recherchés chez Bancontact et reviennent d’eux-mêmes.',
    confirmLost:
      'Les ventes en espèces, les paiements par bracelet aux bars et les mouvements du tiroir-caisse faits depuis ne peuvent pas revenir.',
    confirm: 'Restaurer',
    back: 'Retour',
    restoring: 'Restauration…',
    done: '{{database}} a été restaurée avec {{file}}.',
    doneKept: 'Le fichier remplacé est gardé sous le nom {{file}}.',
    lostZ:
      'Le Z {{numbers}} a été établi après cette sauvegarde et est perdu avec elle : les paiements Bancontact récupérés de l’intervalle peuvent déjà y figurer. Comparez-les avec le Z imprimé.',
    nextZ: 'Le prochain rapport Z aura le numéro {{number}} ou plus : aucun numéro de Z ne sert deux fois.',
    refresh: 'Actualiser la liste',
  },
  recovered: {
    title: 'Ce que la dernière restauration a ramené',
    when: 'Restaurée le {{restored}} avec {{file}} (sauvegarde du {{taken}}).',
    searching:
      'Recherche chez Bancontact des paiements faits depuis {{from}}… (réessayée jusqu’à ce que Bancontact réponde)',
    searchedFrom: 'Bancontact a été consulté pour tout ce qui s’est passé depuis {{from}}.',
    none: 'Bancontact n’avait aucun paiement inconnu du livre restauré.',
    kind: 'Quoi',
    amount: 'Montant',
    paidAt: 'Payé',
    where: 'Comptabilisé comme',
    kinds: { sale: 'Vente Bancontact', topup: 'Recharge' },
    saleBooked: 'Une vente aujourd’hui, caisse « recovered »',
    wristband: 'Bracelet {{id}}',
    attention: 'À traiter (bracelet inconnu)',
    lostTitle: 'Ce qui ne peut pas revenir',
    lostExplained:
      'Faits entre {{from}} et {{to}}, ceux-ci n’existent nulle part ailleurs que dans le fichier perdu :',
    lost: {
      cash_sales: 'les ventes en espèces',
      wristband_debits: 'les paiements par bracelet aux bars',
      drawer_movements: 'les fonds de caisse, entrées et sorties d’espèces et comptages du tiroir',
      festival_unreadable:
        'si le fichier remplacé était illisible : la fin de l’événement et les fichiers de remboursement faits après la sauvegarde (vérifiez l’écran Recharge et votre banque avant de rouvrir les bars ou de faire un autre fichier de remboursement)',
    },
  },
};
